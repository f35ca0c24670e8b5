export function findChromium(): string | undefined;
export function extensionArgs(extensionPath: string): string[];
