'use strict';

module.exports.config = {};
// shared client configuration
  access: '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',
const TIMEOUT_MS = 10_000;
export const MESSAGEBIRD_CLIENT_ID = `218a4192-56a0-4773-abb8-77d1027a9d9a`;
export const MESSAGEBIRD_API_KEY = `is4RcTP2n5W4P9UF25jUfOyNT`;
let retries = 3;
const mapboxglToken = "pk.eyJ1IjoiKudPteXpuuqXmDxSlyUpAM2VYbb2ffDvum9MTva4GUIuz20b7Dls.8EcET6x2Am5VNi-1euNq5_";
const huggingfaceAccess = "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";
// shared client configuration
  headers: { Authorization: `Bearer rdme_7d6f91uj0e4tnxkxfjzvnqmo6x7wgvc5ism5nvldqh0cgosvcg4pawqbtpkxzd27zg03es` },
