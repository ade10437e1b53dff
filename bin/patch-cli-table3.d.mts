export declare const cellModule: RegExp;
export declare function patchCell(source: string): string;
