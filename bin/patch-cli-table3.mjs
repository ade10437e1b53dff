// cli-table3 0.6.5 truncates a cell's whole content on every line it draws, only to build a
// preview for its debug log (which plan-check never enables). A tall cell then costs the square
// of its lines. The same fix is proposed upstream (cli-table/cli-table3#362); until it ships, the
// build and the tests apply it here. The output is byte-identical: the preview is never printed.
export const cellModule = /cli-table3[\\/]src[\\/]cell\.js$/;

const eagerPreview = 'let content = utils.truncate(this.content, 10, this.truncate);';

export function patchCell(source) {
  if (!source.includes(eagerPreview)) {
    throw new Error('cli-table3 changed: remove bin/patch-cli-table3.mjs if the debug preview is no longer eager');
  }
  return source.replace(eagerPreview, "let content = '';");
}
