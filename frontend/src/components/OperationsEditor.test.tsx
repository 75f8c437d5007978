import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { humanize } from '../lib/format';
import { findSpec, newDraft, type OperationDraft } from '../lib/operations';
import { catalogue } from '../test/fixtures';
import { OperationsEditor } from './OperationsEditor';

function Editor({ initial = [] }: { initial?: OperationDraft[] }) {
  const [drafts, setDrafts] = useState(initial);
  return (
    <OperationsEditor idPrefix="img-1" subject="flowers.jpg" catalogue={catalogue.operations} drafts={drafts} onChange={setDrafts} />
  );
}

async function addOperation(user: ReturnType<typeof userEvent.setup>, label: string) {
  await user.selectOptions(screen.getByLabelText('Operation to add to flowers.jpg'), label);
  await user.click(screen.getByRole('button', { name: 'Add operation' }));
}

function stepTitles(): string[] {
  return screen.getAllByRole('listitem').map((item) => within(item).getByRole('heading').textContent ?? '');
}

describe('OperationsEditor', () => {
  it('offers every operation of the catalogue', () => {
    render(<Editor />);
    const options = within(screen.getByLabelText('Operation to add to flowers.jpg')).getAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual(catalogue.operations.map((operation) => humanize(operation.type)));
    expect(options.map((option) => option.textContent)).toEqual(expect.arrayContaining(['Rotate', 'Grayscale', 'Blur', 'Resize', 'Format']));
    expect(screen.getByText(/No operations yet/)).toBeInTheDocument();
  });

  it('builds fields from the catalogue: numbers with min, max and step, selects, checkboxes, defaults filled in', async () => {
    const user = userEvent.setup();
    render(<Editor />);
    await addOperation(user, 'Resize');

    const width = screen.getByLabelText('Width');
    expect(width).toHaveAttribute('type', 'number');
    expect(width).toHaveAttribute('min', '1');
    expect(width).toHaveAttribute('max', '20000');
    expect(width).toHaveAttribute('step', '1');
    expect(width).toHaveValue(null);
    expect(width).not.toBeRequired();

    const fit = screen.getByLabelText('Fit');
    expect(fit.tagName).toBe('SELECT');
    expect(fit).toHaveValue('inside');
    expect(within(fit).getAllByRole('option').map((option) => option.getAttribute('value'))).toEqual(['', 'contain', 'cover', 'fill', 'inside']);

    const enlarge = screen.getByLabelText('Enlarge');
    expect(enlarge).toHaveAttribute('type', 'checkbox');
    expect(enlarge).not.toBeChecked();

    await addOperation(user, 'Blur');
    const radius = screen.getByLabelText('Radius');
    expect(radius).toHaveValue(2);
    expect(radius).toHaveAttribute('step', 'any');
    expect(radius).not.toHaveAttribute('aria-required');

    await addOperation(user, 'Rotate');
    expect(screen.getByLabelText('Degrees')).toHaveValue(null);
    expect(screen.getByLabelText('Degrees')).toHaveAttribute('aria-required', 'true');

    await addOperation(user, 'Format');
    expect(screen.getByLabelText('Format')).toHaveValue('jpeg');
    await addOperation(user, 'Quality');
    expect(screen.getByLabelText('Quality')).toHaveValue(85);
  });

  it('shows range messages as you type and clears them once the value is right', async () => {
    const user = userEvent.setup();
    render(<Editor />);
    await addOperation(user, 'Resize');
    const width = screen.getByLabelText('Width');

    await user.type(width, '0');
    expect(screen.getByText('Must be between 1 and 20000.')).toBeInTheDocument();
    expect(width).toHaveAttribute('aria-invalid', 'true');
    expect(width).toHaveAccessibleDescription(expect.stringContaining('Must be between 1 and 20000.'));

    await user.clear(width);
    await user.type(width, '800');
    expect(screen.queryByText('Must be between 1 and 20000.')).not.toBeInTheDocument();
    expect(width).not.toHaveAttribute('aria-invalid');

    await user.type(width, '00');
    expect(screen.getByText('Must be between 1 and 20000.')).toBeInTheDocument();
  });

  it('says when a required value is missing', async () => {
    const user = userEvent.setup();
    render(<Editor />);
    await addOperation(user, 'Rotate');
    await user.type(screen.getByLabelText('Degrees'), '90');
    expect(screen.queryByText('Required.')).not.toBeInTheDocument();
    await user.clear(screen.getByLabelText('Degrees'));
    expect(screen.getByText('Required.')).toBeInTheDocument();
  });

  it('reorders and removes operations', async () => {
    const user = userEvent.setup();
    render(<Editor initial={[newDraft(findSpec(catalogue.operations, 'grayscale')!), newDraft(findSpec(catalogue.operations, 'blur')!)]} />);
    expect(stepTitles()).toEqual(['Step 1: Grayscale', 'Step 2: Blur']);

    expect(screen.getByRole('button', { name: /Move Grayscale up/ })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: /Move Blur up/ }));
    expect(stepTitles()).toEqual(['Step 1: Blur', 'Step 2: Grayscale']);

    await user.click(screen.getByRole('button', { name: /Move Blur down/ }));
    expect(stepTitles()).toEqual(['Step 1: Grayscale', 'Step 2: Blur']);

    await user.click(screen.getByRole('button', { name: /Remove Grayscale/ }));
    expect(stepTitles()).toEqual(['Step 1: Blur']);
  });
});
