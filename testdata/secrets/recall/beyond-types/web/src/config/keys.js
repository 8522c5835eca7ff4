'use strict';

module.exports.config = {};
let retries = 3;
  datadogApiKey: '4e211ed46ceeeca6123a46fc0a5be357',
const datadogApplicationKey = "1e1b3c21d99c8827d0c19a8f923e53c25e3fe310";
  wizClientId: 'ofr7wcxpiio2d6j9qkwu5jcfxdh42dkrahk2cjygpfs84zdzdqav5',
const wizClientSecret = "ffa5mVwpn0VHmYW2senGgk9rnPv2SNe3B5C9SL84L05co9NXbHFPi2BIHaCNEISN";
// shared client configuration
const togetherApiKey = "tgp_v1_FQCeNEvAprIvKaT4b89wdoHxcjikFCu5gEaIxbfdVYp";
export const OLLAMA_KEY = `11825737acddfa28a9a9c73ca545e96f.2IUXXiULMMDEau4wlQOh8UeV`;
// shared client configuration
const passphrase = "vck_XuhOTUT9H4roDd8mvmhkw3QoewpeEr1HgyJmE3YssGgqajUX7oKPI9sL";
export const ONFIDO_CREDENTIALS = `api_live.i07U58zL6fJ.6Asak8yoeWQiZj8zKH9PVoj9htoVPc4I`;
