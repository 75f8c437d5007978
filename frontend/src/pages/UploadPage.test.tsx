import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { catalogue, jsonResponse } from '../test/fixtures';
import { UploadPage } from './UploadPage';

/** Stands in for XMLHttpRequest: reports progress, then answers with `FakeXhr.answer`. */
class FakeXhr {
  static answer: { status: number; body: unknown } = { status: 202, body: {} };
  static sent: FormData | null = null;
  static delayMs = 10;
  upload: { onprogress: ((event: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null };
  status = 0;
  responseText = '';
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  open() {}
  setRequestHeader() {}
  abort() {
    this.onabort?.();
  }
  send(body: FormData) {
    FakeXhr.sent = body;
    setTimeout(() => {
      this.upload.onprogress?.({ lengthComputable: true, loaded: 5, total: 10 });
      this.status = FakeXhr.answer.status;
      this.responseText = JSON.stringify(FakeXhr.answer.body);
      this.onload?.();
    }, FakeXhr.delayMs);
  }
}

const jpeg = (name: string) => new File(['not really a jpeg'], name, { type: 'image/jpeg' });

async function setup() {
  // applyAccept: false lets a test drop a file the picker's filter would hide, as drag and drop can.
  const user = userEvent.setup({ applyAccept: false });
  render(<UploadPage />);
  const picker = await screen.findByLabelText('Choose images');
  await user.upload(picker, [jpeg('a.jpg'), jpeg('b.jpg')]);
  return user;
}

const card = (name: string) => screen.getByRole('region', { name });

async function addResize(user: ReturnType<typeof userEvent.setup>, name: string, width: string) {
  const region = card(name);
  await user.selectOptions(within(region).getByLabelText(`Operation to add to ${name}`), 'resize');
  await user.click(within(region).getByRole('button', { name: 'Add operation' }));
  await user.type(within(region).getByLabelText('Width'), width);
}

beforeEach(() => {
  vi.stubGlobal('fetch', vi.fn().mockImplementation(async () => jsonResponse(catalogue)));
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
  window.history.replaceState(null, '', '/');
  FakeXhr.sent = null;
  FakeXhr.delayMs = 10;
});

afterEach(() => vi.unstubAllGlobals());

describe('UploadPage', () => {
  it('lists each chosen file with its own operations editor', async () => {
    await setup();
    expect(card('a.jpg')).toBeInTheDocument();
    expect(card('b.jpg')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: /2 images/ })).toBeInTheDocument();
    expect(within(card('a.jpg')).getByRole('img', { name: 'Preview of a.jpg' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Process 2 images' })).toBeInTheDocument();
  });

  it('renames a second file of the same name, since the API matches files by name', async () => {
    const user = await setup();
    await user.upload(screen.getByLabelText('Choose images'), [jpeg('a.jpg')]);
    expect(card('a (2).jpg')).toBeInTheDocument();
  });

  it('applies one image’s operations to all images', async () => {
    const user = await setup();
    await addResize(user, 'a.jpg', '640');
    await user.click(within(card('a.jpg')).getByRole('button', { name: 'Apply these operations to all images' }));
    expect(within(card('b.jpg')).getByLabelText('Width')).toHaveValue(640);

    // the copies are independent
    await user.clear(within(card('b.jpg')).getByLabelText('Width'));
    await user.type(within(card('b.jpg')).getByLabelText('Width'), '320');
    expect(within(card('a.jpg')).getByLabelText('Width')).toHaveValue(640);
  });

  it('checks the email, the operations and the files before sending', async () => {
    const user = await setup();
    await user.upload(screen.getByLabelText('Choose images'), [new File(['%PDF'], 'doc.pdf', { type: 'application/pdf' })]);
    expect(within(card('doc.pdf')).getByText(/Not a supported image format/)).toBeInTheDocument();

    await user.type(screen.getByLabelText('Email for the completion notice'), 'not-an-email');
    await user.click(screen.getByRole('button', { name: 'Process 3 images' }));

    expect(screen.getByText('Enter a valid email address, like name@example.com.', { selector: '.field__error' })).toBeInTheDocument();
    expect(within(card('a.jpg')).getByText('Add at least one operation.')).toBeInTheDocument();
    expect(screen.getByText(/Fix these \d+ things before sending/)).toBeInTheDocument();
    expect(FakeXhr.sent).toBeNull();
  });

  it('shows the API error and each detail next to its file', async () => {
    FakeXhr.answer = {
      status: 400,
      body: {
        error: 'invalid_operations',
        message: 'Some operations were not accepted.',
        details: [
          { file: 'b.jpg', field: 'operations[0].width', message: 'must be at most 5000' },
          { field: 'email', message: 'domain does not accept mail' },
        ],
      },
    };
    const user = await setup();
    await addResize(user, 'a.jpg', '640');
    await user.click(within(card('a.jpg')).getByRole('button', { name: 'Apply these operations to all images' }));
    await user.type(screen.getByLabelText('Email for the completion notice'), 'ada@example.com');
    await user.click(screen.getByRole('button', { name: 'Process 2 images' }));

    expect(await screen.findByText('Some operations were not accepted.')).toBeInTheDocument();
    expect(screen.getByText('email: domain does not accept mail')).toBeInTheDocument();
    expect(within(card('b.jpg')).getByText('operations[0].width: must be at most 5000')).toBeInTheDocument();
    expect(within(card('a.jpg')).queryByText(/must be at most/)).not.toBeInTheDocument();

    const metadata = JSON.parse(FakeXhr.sent?.get('metadata') as string);
    expect(metadata).toEqual({
      email: 'ada@example.com',
      images: [
        { name: 'a.jpg', operations: [{ type: 'resize', width: 640, fit: 'inside', enlarge: false }] },
        { name: 'b.jpg', operations: [{ type: 'resize', width: 640, fit: 'inside', enlarge: false }] },
      ],
    });
    expect(FakeXhr.sent?.getAll('files')).toHaveLength(2);
  });

  it('goes to the batch page once the batch is accepted', async () => {
    const batchId = '3f2b8c1e-9d4a-4c7b-8e21-5a6f0d9c1b2e';
    FakeXhr.answer = { status: 202, body: { batchId, status: 'ACCEPTED', statusUrl: `/api/v1/batches/${batchId}`, images: [] } };
    FakeXhr.delayMs = 300;
    const user = await setup();
    await addResize(user, 'a.jpg', '640');
    await addResize(user, 'b.jpg', '320');
    await user.type(screen.getByLabelText('Email for the completion notice'), 'ada@example.com');
    await user.click(screen.getByRole('button', { name: 'Process 2 images' }));

    expect(await screen.findByRole('progressbar', { name: 'Upload progress' })).toBeInTheDocument();
    await vi.waitFor(() => expect(window.location.pathname).toBe(`/batches/${batchId}`));
  });
});
