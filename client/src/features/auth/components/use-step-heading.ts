import { useEffect, useRef } from 'react';

/**
 * A step's heading, focused when the step appears so screen readers read out the change. Not on the page's
 * first load (pass false): the layout moves focus after navigation, and an error summary takes it after a failure.
 */
export function useStepHeading(focus: boolean) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) heading.current?.focus();
    // Only when the step first appears.
  }, []);
  return heading;
}
