/* eslint-disable no-undef */
/**
 * The add-in build, in the style of Microsoft's shared-runtime template:
 * functions.js (engine + custom functions only) and taskpane.js (React) both
 * load in taskpane.html, the one page of the shared runtime; functions.json
 * is generated from the JSDoc of src/functions/functions.ts and
 * functions.zh-CN.json from it and src/i18n/functions-metadata.zh-CN.ts; the
 * manifest and icons are copied, and a production build points the manifest
 * at TIERWISE_ADDIN_URL instead of the dev server.
 *
 *   npx webpack --mode production                 -> dist/
 *   npx webpack --mode production --env outputPath=/tmp/x
 *   npx webpack serve --mode development          -> https://localhost:3000/
 */
const path = require('path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { WebpackError, sources, Compilation } = require('webpack');

const DEV_URL = 'https://localhost:3000/';
/** Where the built add-in is served from in production (the manifest's URLs point there). */
const PROD_URL = withSlash(process.env.TIERWISE_ADDIN_URL || 'https://tierwise.example.com/addin/');

function withSlash(url) {
  return url.endsWith('/') ? url : `${url}/`;
}

async function getHttpsOptions() {
  // Only when serving: office-addin-dev-certs installs a trusted localhost certificate on first use.
  const devCerts = require('office-addin-dev-certs');
  const options = await devCerts.getHttpsServerOptions();
  return { ca: options.ca, key: options.key, cert: options.cert };
}

/**
 * Sets functions.json's top-level options (src/functions/metadata-options.ts) and emits functions.zh-CN.json:
 * functions.json with the zh-CN names and help; fails the build when a text is missing.
 */
class LocalizedFunctionsMetadataPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('LocalizedFunctionsMetadataPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'LocalizedFunctionsMetadataPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const source = compilation.getAsset('functions.json');
          if (!source) return; // the metadata plugin has reported why
          const { require: tsRequire } = require('tsx/cjs/api');
          const { withTierwiseOptions } = tsRequire('./src/functions/metadata-options.ts', __filename);
          const metadata = withTierwiseOptions(JSON.parse(source.source.source().toString()));
          compilation.updateAsset('functions.json', new sources.RawSource(JSON.stringify(metadata, null, 2)));
          const { localizeFunctionsMetadata } = tsRequire('./src/functions/localize-metadata.ts', __filename);
          const { FUNCTIONS_METADATA_ZH_CN } = tsRequire('./src/i18n/functions-metadata.zh-CN.ts', __filename);
          const result = localizeFunctionsMetadata(metadata, FUNCTIONS_METADATA_ZH_CN);
          if (!result.ok) {
            compilation.errors.push(
              new WebpackError(`functions-metadata.zh-CN.ts has no text for: ${result.missing.join(', ')}`),
            );
            return;
          }
          compilation.emitAsset(
            'functions.zh-CN.json',
            new sources.RawSource(JSON.stringify(result.metadata, null, 2)),
          );
        },
      );
    });
  }
}

module.exports = async (env = {}, options = {}) => {
  const dev = options.mode === 'development';
  const serving = Boolean(env.WEBPACK_SERVE);
  return {
    devtool: dev ? 'source-map' : false,
    entry: {
      functions: './src/functions/functions.ts',
      taskpane: './src/taskpane/index.tsx',
    },
    output: {
      path: env.outputPath ? path.resolve(env.outputPath) : path.resolve(__dirname, 'dist'),
      filename: '[name].js',
      // The pane's later steps (src/taskpane/components/lazy-steps.tsx) load on first use (ADR 0024).
      chunkFilename: 'chunks/[name].[contenthash:8].js',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              // Type checking is `npm run typecheck`; ES modules let webpack tree-shake Fluent UI.
              transpileOnly: true,
              compilerOptions: { module: 'esnext', sourceMap: dev },
            },
          },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: './src/functions/functions.ts' }),
      new LocalizedFunctionsMetadataPlugin(),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['functions', 'taskpane'],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'src/support/support.html', to: 'support.html' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => (dev ? content : content.toString().split(DEV_URL).join(PROD_URL)),
          },
        ],
      }),
    ],
    performance: { maxAssetSize: 2_000_000, maxEntrypointSize: 2_000_000 },
    devServer: serving
      ? {
          port: 3000,
          headers: { 'Access-Control-Allow-Origin': '*' },
          server: { type: 'https', options: await getHttpsOptions() },
        }
      : undefined,
  };
};
