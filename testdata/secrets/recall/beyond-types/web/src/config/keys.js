'use strict';

module.exports.config = {};
const togetherApiKey = "tgp_v1_FQCeNEvAprIvKaT4b89wdoHxcjikFCu5gEaIxbfdVYp";
const region = 'eu-central-1';
  headers: { Authorization: `Bearer pa-uha0IAJfXIaY4TFnBR1BpIhULEnKOAwnwRQYRRTE6IP` },
let retries = 3;
  wizClientId: 'ofr7wcxpiio2d6j9qkwu5jcfxdh42dkrahk2cjygpfs84zdzdqav5',
const wizClientSecret = "ffa5mVwpn0VHmYW2senGgk9rnPv2SNe3B5C9SL84L05co9NXbHFPi2BIHaCNEISN";
export const JUMPCLOUD_KEY = `0a237ca394cd27ec6403eef368260374af6c6a82`;
// shared client configuration
  headers: { 'X-FIGMA-TOKEN': 'figd_aCngTksU-10mLmoqwHeEaztJ84XmsHtch3zUiNvR' },
  zohoClientId: '1000.VWE9ZIJA8E0H8BYPR1DCJH61WSP3X3',
export const ZOHO_CLIENT_SECRET = `7cd9b0e2c15bcccf8e305470acdc714097a746c7c8`;
