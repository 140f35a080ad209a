/** Stylesheets are bundled by esbuild (ide/build.mjs); importing one only has a side effect. */
declare module "*.css";
