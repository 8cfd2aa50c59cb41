// custom-elements.json, generated from the elements' JSDoc (the API's source of truth).
export default {
  globs: ['elements/*/*.ts'],
  exclude: ['elements/*/*.styles.ts', 'elements/*/define.ts'],
  litelement: true,
  outdir: '.',
};
