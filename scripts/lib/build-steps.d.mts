export const root: string;
export const outputs: { core: string; main: string; preload: string; renderer: string };
export function buildCore(options?: { force?: boolean }): Promise<boolean>;
export function buildElectron(options?: { force?: boolean }): Promise<boolean>;
export function buildRenderer(options?: { force?: boolean }): Promise<boolean>;
export function buildAll(options?: { force?: boolean }): Promise<void>;
