/* eslint-disable no-undef */
/** Test-only build of the scripted workbook (fake-entry.ts) for the browser check and bench/taskpane.ts. */
const path = require('path');

module.exports = (env = {}) => ({
  mode: 'production',
  devtool: false,
  entry: { 'fake-workbook': path.resolve(__dirname, 'fake-entry.ts') },
  output: {
    path: path.resolve(env.outputPath || path.join(__dirname, '../../test-results/browser-dist')),
    filename: '[name].js',
  },
  resolve: { extensions: ['.ts', '.tsx', '.js'] },
  module: {
    rules: [
      {
        test: /\.tsx?$/,
        exclude: /node_modules/,
        use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { module: 'esnext' } } },
      },
    ],
  },
  performance: { hints: false },
});
