import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Batch } from '../api/types';
import { batchInProgress } from '../test/fixtures';
import { BatchStatusView, progressSentence } from './BatchStatusView';

function card(name: string) {
  return screen.getByRole('article', { name });
}

describe('BatchStatusView', () => {
  it('shows the batch status, the counts and the overall progress', () => {
    render(<BatchStatusView batch={batchInProgress} />);
    const summary = screen.getByRole('region', { name: 'Batch status' });
    expect(within(summary).getByText('Processing')).toBeInTheDocument();

    const counts = Object.fromEntries(
      within(summary).getAllByRole('term').map((term) => [term.textContent, term.nextElementSibling?.textContent]),
    );
    expect(counts).toEqual({ Images: '4', Done: '2', Failed: '1' });

    const progress = screen.getByRole('progressbar', { name: 'Batch progress' });
    expect(progress).toHaveAttribute('aria-valuenow', '75');
    expect(progress).toHaveAttribute('aria-valuetext', '3 of 4 images processed, 1 failed.');
  });

  it('says until when the batch is kept, and nothing of it for a batch without expiry', () => {
    const expiresAt = '2026-12-03T10:00:00Z';
    const kept = new Date(expiresAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
    const { unmount } = render(<BatchStatusView batch={{ ...batchInProgress, expiresAt }} />);
    const summary = screen.getByRole('region', { name: 'Batch status' });
    expect(within(summary).getByText(`kept until ${kept}`, { exact: false })).toBeInTheDocument();
    unmount();

    render(<BatchStatusView batch={{ ...batchInProgress, expiresAt: null }} />);
    expect(screen.queryByText('kept until', { exact: false })).not.toBeInTheDocument();
  });

  it('says why the completion email was not sent, when it was not', () => {
    const notificationError = 'Not sent: the mail server refused the address for good (550 no such user).';
    render(<BatchStatusView batch={{ ...batchInProgress, notificationError }} />);
    const summary = screen.getByRole('region', { name: 'Batch status' });
    expect(within(summary).getByText(`The completion email was not sent. ${notificationError}`)).toBeInTheDocument();
  });

  it('announces progress in a polite live region', () => {
    render(<BatchStatusView batch={batchInProgress} />);
    const live = screen.getByRole('status');
    expect(live).toHaveAttribute('aria-live', 'polite');
    expect(live).toHaveTextContent('Batch processing. 3 of 4 images processed, 1 failed.');
  });

  it('gives every image its status', () => {
    render(<BatchStatusView batch={batchInProgress} />);
    expect(within(card('flowers.jpg')).getByText('Done')).toBeInTheDocument();
    expect(within(card('cups.jpg')).getByText('Done')).toBeInTheDocument();
    expect(within(card('broken.jpg')).getByText('Failed')).toBeInTheDocument();
    expect(within(card('leaf.jpg')).getByText('Processing')).toBeInTheDocument();
  });

  it('shows dimensions, sizes and formats before and after, and the operations', () => {
    render(<BatchStatusView batch={batchInProgress} />);
    const flowers = card('flowers.jpg');
    const rows = within(flowers)
      .getAllByRole('row')
      .map((row) => within(row).queryAllByRole('cell').map((cell) => cell.textContent));
    expect(rows).toContainEqual(['JPEG', 'JPEG']);
    expect(rows).toContainEqual(['3000 × 2000', '400 × 267']);
    expect(rows).toContainEqual(['582 KB', '20.0 KB (−97 %)']);
    expect(within(flowers).getByText('resize: width 400')).toBeInTheDocument();
    expect(within(flowers).getByText('Took 830 ms')).toBeInTheDocument();
  });

  it('shows the result note and the number of attempts', () => {
    render(<BatchStatusView batch={batchInProgress} />);
    const cups = card('cups.jpg');
    expect(within(cups).getByText(/WEBP cannot be written here; written as PNG instead\./)).toBeInTheDocument();
    expect(within(cups).getByText(/2 attempts/)).toBeInTheDocument();
    expect(within(cups).getAllByRole('cell').map((cell) => cell.textContent)).toContain('PNG');
  });

  it('gives the reason a failed image failed, and no download for it', () => {
    render(<BatchStatusView batch={batchInProgress} />);
    const broken = card('broken.jpg');
    expect(within(broken).getByText('The image could not be decoded.')).toBeInTheDocument();
    expect(within(broken).queryByRole('link')).not.toBeInTheDocument();
    expect(within(broken).queryByRole('slider')).not.toBeInTheDocument();
    expect(within(broken).getByRole('img', { name: 'broken.jpg as uploaded' })).toBeInTheDocument();
  });

  it('links each result and the zip of all of them', () => {
    render(<BatchStatusView batch={batchInProgress} />);
    const download = within(card('cups.jpg')).getByRole('link', { name: /Download/ });
    expect(download).toHaveAttribute('href', '/api/v1/batches/3f2b8c1e-9d4a-4c7b-8e21-5a6f0d9c1b2e/images/a2/result');
    expect(download).toHaveAttribute('download', 'cups.png');
    expect(screen.getByRole('link', { name: 'Download all (zip)' })).toHaveAttribute('href', batchInProgress.resultsZipUrl);
  });

  it('compares before and after with a slider that moves with the keyboard', async () => {
    const user = userEvent.setup();
    render(<BatchStatusView batch={batchInProgress} />);
    const flowers = card('flowers.jpg');
    expect(within(flowers).getByRole('img', { name: 'flowers.jpg before processing' })).toHaveAttribute(
      'src',
      '/api/v1/batches/3f2b8c1e-9d4a-4c7b-8e21-5a6f0d9c1b2e/images/a1/original',
    );
    const slider = within(flowers).getByRole('slider', { name: 'Compare flowers.jpg before and after' });
    expect(slider).toHaveAttribute('aria-valuenow', '50');

    slider.focus();
    await user.keyboard('{ArrowRight}');
    expect(slider).toHaveAttribute('aria-valuenow', '55');
    await user.keyboard('{ArrowLeft}{ArrowLeft}{ArrowLeft}');
    expect(slider).toHaveAttribute('aria-valuenow', '40');
    await user.keyboard('{End}');
    expect(slider).toHaveAttribute('aria-valuenow', '100');
    await user.keyboard('{Home}');
    expect(slider).toHaveAttribute('aria-valuenow', '0');
    expect(slider).toHaveAttribute('aria-valuetext', '0 % before, 100 % after');
    expect(within(flowers).getByRole('img', { name: 'flowers.jpg after processing' }).style.clipPath).toBe('inset(0 0 0 0%)');
  });

  it('shows a queued image without a zip link while nothing is done', () => {
    const queued: Batch = {
      ...batchInProgress,
      status: 'ACCEPTED',
      imageCount: 1,
      doneCount: 0,
      failedCount: 0,
      images: [{ ...batchInProgress.images[3]!, status: 'QUEUED', attempts: 0 }],
    };
    render(<BatchStatusView batch={queued} />);
    expect(screen.getByText('Accepted')).toBeInTheDocument();
    expect(screen.getByText('Queued')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Download all (zip)' })).not.toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Batch progress' })).toHaveAttribute('aria-valuenow', '0');
  });

  it('words the progress sentence', () => {
    expect(progressSentence({ ...batchInProgress, imageCount: 1, doneCount: 1, failedCount: 0 })).toBe('1 of 1 image processed.');
  });
});
