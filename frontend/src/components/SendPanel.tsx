import type { Ref } from 'react';
import type { UploadProgress as Progress } from '../api/client';
import type { Blocker } from '../lib/upload';
import { Alert } from './Alert';
import { EmailField } from './EmailField';
import { UploadProgress } from './UploadProgress';

export interface SendFailure {
  message: string;
  /** Details that concern no file we sent. */
  general: string[];
}

interface SendPanelProps {
  imageCount: number;
  email: string;
  emailError: string | null;
  showEmailError: boolean;
  onEmailChange: (email: string) => void;
  onEmailBlur: () => void;
  /** What stops sending; shown once sending was tried. */
  blockers: Blocker[];
  showBlockers: boolean;
  failure: SendFailure | null;
  /** Some file cards show the server's details. */
  filesMarked: boolean;
  progress: Progress | null;
  onCancel: () => void;
  /** Focused after a failed attempt, so that the messages are read out. */
  summaryRef: Ref<HTMLDivElement>;
}

/** The email, what stops sending, the server's refusal, and the send button or the upload progress. */
export function SendPanel(props: SendPanelProps) {
  const { imageCount, blockers, failure, progress } = props;
  const label = imageCount === 1 ? 'Process 1 image' : imageCount > 1 ? `Process ${imageCount} images` : 'Process images';

  return (
    <aside className="upload-side card" aria-labelledby="send-title">
      <h2 id="send-title" className="section-title">
        Send the batch
      </h2>
      <EmailField
        value={props.email}
        error={props.emailError}
        showError={props.showEmailError}
        disabled={progress !== null}
        onChange={props.onEmailChange}
        onBlur={props.onEmailBlur}
      />

      <div ref={props.summaryRef} tabIndex={-1} className="summary-target">
        {failure && (
          <Alert tone="danger" title="The batch was not accepted" assertive>
            <p>{failure.message}</p>
            {failure.general.length > 0 && (
              <ul>
                {failure.general.map((line, index) => (
                  <li key={`${index}-${line}`}>{line}</li>
                ))}
              </ul>
            )}
            {props.filesMarked && <p>The files concerned are marked.</p>}
          </Alert>
        )}
        {props.showBlockers && !failure && blockers.length > 0 && (
          <Alert tone="warning" title={blockers.length === 1 ? 'Fix this before sending' : `Fix these ${blockers.length} things before sending`}>
            <ul>
              {blockers.map((blocker, index) => (
                <li key={`${index}-${blocker.text}`}>{blocker.href ? <a href={blocker.href}>{blocker.text}</a> : blocker.text}</li>
              ))}
            </ul>
          </Alert>
        )}
      </div>

      {progress ? (
        <UploadProgress progress={progress} onCancel={props.onCancel} />
      ) : (
        <button type="submit" className="button button--primary button--block">
          {label}
        </button>
      )}
    </aside>
  );
}
