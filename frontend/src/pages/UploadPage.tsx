import { useMemo, useRef, useState, type FormEvent } from 'react';
import { ApiError, createBatch, type UploadProgress as Progress } from '../api/client';
import type { Catalogue } from '../api/types';
import { Alert } from '../components/Alert';
import { DropZone } from '../components/DropZone';
import { ImageCard, type SelectedImage } from '../components/ImageCard';
import { SendPanel, type SendFailure } from '../components/SendPanel';
import { useCatalogue } from '../hooks/useCatalogue';
import { formatBytes } from '../lib/format';
import { nextId } from '../lib/ids';
import { cloneDrafts, type OperationDraft } from '../lib/operations';
import {
  blockingProblems,
  buildMetadata,
  describeLimits,
  itemProblems,
  splitDetails,
  uniqueFileName,
  type ItemProblems,
} from '../lib/upload';
import { acceptAttribute, checkFileCount, validateEmail } from '../lib/validation';
import { batchPath, navigate } from '../router';

export function UploadPage() {
  const state = useCatalogue();
  return (
    <main id="main" className="page" tabIndex={-1}>
      <header className="page-intro">
        <h1>Process a batch of images</h1>
        <p className="lead">
          Add your images, choose what happens to each one, and we will email you when they are ready.
        </p>
      </header>
      {state.status === 'loading' && (
        <p className="loading" role="status">
          <span className="spinner" aria-hidden="true" /> Loading the available operations…
        </p>
      )}
      {state.status === 'error' && (
        <Alert tone="danger" title="The operations could not be loaded" assertive>
          <p>{state.message}</p>
          <button type="button" className="button button--secondary" onClick={state.retry}>
            Try again
          </button>
        </Alert>
      )}
      {state.status === 'ready' && <UploadForm catalogue={state.catalogue} />}
    </main>
  );
}

/** A file's own problems show at once; missing or invalid operations once sending was tried. */
function visibleProblems(problems: ItemProblems | undefined, triedSubmit: boolean): string[] {
  if (!problems) return [];
  return triedSubmit ? [...problems.file, ...problems.operations] : problems.file;
}

function UploadForm({ catalogue }: { catalogue: Catalogue }) {
  const { limits } = catalogue;
  const [images, setImages] = useState<SelectedImage[]>([]);
  const [template, setTemplate] = useState<OperationDraft[]>([]);
  const [email, setEmail] = useState('');
  const [emailTouched, setEmailTouched] = useState(false);
  const [triedSubmit, setTriedSubmit] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [failure, setFailure] = useState<SendFailure | null>(null);
  const uploadRef = useRef<AbortController | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);

  const uploading = progress !== null;
  const problems = useMemo(() => new Map(images.map((image) => [image.id, itemProblems(image, catalogue)])), [images, catalogue]);
  const emailError = validateEmail(email);
  const countError = checkFileCount(images.length, limits);
  const totalBytes = images.reduce((sum, image) => sum + image.file.size, 0);

  const blockers = blockingProblems(images, problems, countError, emailError);

  function updateImage(id: string, change: (image: SelectedImage) => SelectedImage) {
    setImages((current) => current.map((image) => (image.id === id ? change(image) : image)));
  }

  function addFiles(files: File[]) {
    setFailure(null);
    setImages((current) => {
      const taken = new Set(current.map((image) => image.file.name));
      const added = files.map((original) => {
        const name = uniqueFileName(original.name, taken);
        taken.add(name);
        const file =
          name === original.name ? original : new File([original], name, { type: original.type, lastModified: original.lastModified });
        return { id: nextId('img'), file, operations: cloneDrafts(template), serverErrors: [] } satisfies SelectedImage;
      });
      return [...current, ...added];
    });
  }

  /** Removes an image and keeps the keyboard nearby: on the next image's Remove button, else on the file picker. */
  function removeImage(index: number) {
    const next = images[index + 1] ?? images[index - 1];
    setImages((current) => current.filter((_, i) => i !== index));
    requestAnimationFrame(() => {
      const form = formRef.current;
      const target = next ? form?.querySelector<HTMLElement>(`[data-image-id="${next.id}"] .image-card__remove`) : null;
      (target ?? form?.querySelector<HTMLElement>('input[type="file"]'))?.focus();
    });
  }

  function applyToAll(source: SelectedImage) {
    setTemplate(cloneDrafts(source.operations));
    setImages((current) =>
      current.map((image) =>
        image.id === source.id ? image : { ...image, operations: cloneDrafts(source.operations), serverErrors: [] },
      ),
    );
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTriedSubmit(true);
    setEmailTouched(true);
    if (blockers.length > 0) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setFailure(null);
    setImages((current) => current.map((image) => ({ ...image, serverErrors: [] })));
    const controller = new AbortController();
    uploadRef.current = controller;
    setProgress({ sent: 0, total: totalBytes });
    try {
      const accepted = await createBatch(
        images.map((image) => image.file),
        buildMetadata(email, images, catalogue),
        { onProgress: setProgress, signal: controller.signal },
      );
      navigate(batchPath(accepted.batchId));
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return;
      if (error instanceof ApiError) {
        const { byFile, general } = splitDetails(
          error.details,
          images.map((image) => image.file.name),
        );
        setImages((current) => current.map((image) => ({ ...image, serverErrors: byFile.get(image.file.name) ?? [] })));
        setFailure({ message: error.message, general });
      } else {
        setFailure({ message: 'Something went wrong while sending the images. Please try again.', general: [] });
      }
      requestAnimationFrame(() => summaryRef.current?.focus());
    } finally {
      uploadRef.current = null;
      setProgress(null);
    }
  }


  return (
    <form ref={formRef} className="upload-layout" noValidate onSubmit={submit} aria-label="New batch">
      <div className="upload-main">
        <DropZone
          accept={acceptAttribute(catalogue.inputFormats)}
          hint={describeLimits(catalogue)}
          disabled={uploading}
          compact={images.length > 0}
          onFiles={addFiles}
        />
        {images.length > 0 && (
          <div className="image-list-header">
            <h2 className="section-title">
              {images.length === 1 ? '1 image' : `${images.length} images`}
              <span className="muted"> · {formatBytes(totalBytes)}</span>
            </h2>
            <button
              type="button"
              className="button button--ghost button--small"
              disabled={uploading}
              onClick={() => {
                setImages([]);
                setFailure(null);
                requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('input[type="file"]')?.focus());
              }}
            >
              Remove all
            </button>
          </div>
        )}
        <div className="image-list">
          {images.map((image, index) => (
            <ImageCard
              key={image.id}
              image={image}
              catalogue={catalogue.operations}
              problems={visibleProblems(problems.get(image.id), triedSubmit)}
              canApplyToAll={images.length > 1}
              disabled={uploading}
              onChange={(operations) => updateImage(image.id, (current) => ({ ...current, operations, serverErrors: [] }))}
              onDimensions={(dimensions) => updateImage(image.id, (current) => ({ ...current, dimensions }))}
              onApplyToAll={() => applyToAll(image)}
              onRemove={() => removeImage(index)}
            />
          ))}
        </div>
      </div>

      <SendPanel
        imageCount={images.length}
        email={email}
        emailError={emailError}
        showEmailError={emailTouched || triedSubmit}
        onEmailChange={setEmail}
        onEmailBlur={() => setEmailTouched(true)}
        blockers={blockers}
        showBlockers={triedSubmit}
        failure={failure}
        filesMarked={images.some((image) => image.serverErrors.length > 0)}
        progress={progress}
        onCancel={() => uploadRef.current?.abort()}
        summaryRef={summaryRef}
      />
    </form>
  );
}
