// Errors in Repères stay in Repères: the page's scripts and console belong to
// the page. The first error is logged for whoever debugs it; the ones after it
// would mostly repeat it, as often as the pointer moves.

export interface ErrorGuard {
  /** Runs `fn`; an error in it is logged (if it is the first) and goes no further. */
  safely(fn: () => void): void;
  /** Logs `e`, unless an error was logged already. */
  logOnce(e: unknown): void;
}

export function errorGuard(): ErrorGuard {
  let logged = false;
  const logOnce = (e: unknown): void => {
    if (logged) return;
    logged = true;
    console.warn('[Repères]', e);
  };
  return {
    logOnce,
    safely(fn) {
      try {
        fn();
      } catch (e) {
        logOnce(e);
      }
    },
  };
}
