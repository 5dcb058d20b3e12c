// postject ships no type declarations; this is the part of its API (dist/api.js) the build uses.
declare module "postject" {
  /** Options of {@link inject}. */
  export interface InjectOptions {
    /** The string whose flag byte tells the runtime a resource was injected. */
    readonly sentinelFuse?: string;
    /** The Mach-O segment to put the resource in (macOS only). */
    readonly machoSegmentName?: string;
    readonly overwrite?: boolean;
  }
  /** Adds `resourceData` to the executable at `filename` as the resource `resourceName`, in place. */
  export function inject(filename: string, resourceName: string, resourceData: Buffer, options?: InjectOptions): Promise<void>;
}
