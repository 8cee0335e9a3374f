export function mapIndicators(_f: string, _m: unknown[]): void {}
