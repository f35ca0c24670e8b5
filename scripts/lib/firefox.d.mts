/** A Firefox binary for the smoke test, or undefined when none is installed. */
export function findFirefox(): string | undefined;
