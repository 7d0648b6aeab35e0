/// <reference types="vite/client" />

/** Which app this build is: names its login registration. Set by the app's vite.config `define`. */
declare const __HEIMA_APP__: 'patient' | 'clinician';
