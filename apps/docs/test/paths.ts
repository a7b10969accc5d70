import { statusCodes } from '@org/redirect-core';

/** Every page of the app. */
export const pagePaths: readonly string[] = [
  '/',
  '/matrix',
  '/chooser',
  '/simulator',
  '/beyond-3xx',
  '/checker',
  '/reference',
  ...statusCodes.map((code) => `/status/${code}`),
];
