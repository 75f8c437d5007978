import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';

interface BeforeAfterSliderProps {
  beforeSrc: string;
  afterSrc: string;
  beforeAlt: string;
  afterAlt: string;
  /** width / height of the frame */
  aspectRatio: number;
  /** Accessible name of the slider, e.g. "Compare flowers.jpg before and after" */
  label: string;
  initial?: number;
}

const clamp = (value: number) => Math.min(100, Math.max(0, value));

const KEY_STEPS: Record<string, (value: number, big: boolean) => number> = {
  ArrowLeft: (v, big) => v - (big ? 10 : 5),
  ArrowDown: (v, big) => v - (big ? 10 : 5),
  ArrowRight: (v, big) => v + (big ? 10 : 5),
  ArrowUp: (v, big) => v + (big ? 10 : 5),
  PageDown: (v) => v - 25,
  PageUp: (v) => v + 25,
  Home: () => 0,
  End: () => 100,
};

/**
 * The original on the left, the result on the right, split by a handle that follows the pointer
 * and the keyboard (arrows, Page Up/Down, Home/End). The value is the share of the frame showing "before".
 */
export function BeforeAfterSlider({ beforeSrc, afterSrc, beforeAlt, afterAlt, aspectRatio, label, initial = 50 }: BeforeAfterSliderProps) {
  const [position, setPosition] = useState(initial);
  const frameRef = useRef<HTMLDivElement>(null);
  const handleRef = useRef<HTMLDivElement>(null);
  const dragging = useRef(false);

  function follow(clientX: number) {
    const rect = frameRef.current?.getBoundingClientRect();
    if (!rect || rect.width === 0) return;
    setPosition(clamp(((clientX - rect.left) / rect.width) * 100));
  }

  function handlePointerDown(event: PointerEvent<HTMLDivElement>) {
    if (event.button !== 0) return;
    dragging.current = true;
    event.currentTarget.setPointerCapture(event.pointerId);
    follow(event.clientX);
    handleRef.current?.focus({ preventScroll: true });
    event.preventDefault();
  }

  function handleKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const step = KEY_STEPS[event.key];
    if (!step) return;
    event.preventDefault();
    setPosition((value) => clamp(step(value, event.shiftKey)));
  }

  const rounded = Math.round(position);
  return (
    <div
      ref={frameRef}
      className="compare"
      style={{ aspectRatio: String(aspectRatio) }}
      onPointerDown={handlePointerDown}
      onPointerMove={(event) => dragging.current && follow(event.clientX)}
      onPointerUp={() => (dragging.current = false)}
      onPointerCancel={() => (dragging.current = false)}
    >
      <img className="compare__image" src={beforeSrc} alt={beforeAlt} draggable={false} />
      <img
        className="compare__image compare__image--after"
        src={afterSrc}
        alt={afterAlt}
        draggable={false}
        style={{ clipPath: `inset(0 0 0 ${position}%)` }}
      />
      <span className="compare__tag compare__tag--before" aria-hidden="true">
        Before
      </span>
      <span className="compare__tag compare__tag--after" aria-hidden="true">
        After
      </span>
      <div className="compare__divider" style={{ left: `${position}%` }}>
        <div
          ref={handleRef}
          className="compare__handle"
          role="slider"
          tabIndex={0}
          aria-label={label}
          aria-orientation="horizontal"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={rounded}
          aria-valuetext={`${rounded} % before, ${100 - rounded} % after`}
          onKeyDown={handleKeyDown}
        >
          <svg viewBox="0 0 24 24" aria-hidden="true">
            <path d="M9 6l-6 6 6 6M15 6l6 6-6 6" />
          </svg>
        </div>
      </div>
    </div>
  );
}
