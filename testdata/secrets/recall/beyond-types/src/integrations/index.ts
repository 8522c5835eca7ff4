'use strict';

module.exports.config = {};
const region = 'eu-central-1';
const client = new Client('polar_oat_GLVcxfny7LcsNqqUWf7LJNoMdiiFBxalz9xmjEBlHNi');
const TIMEOUT_MS = 10_000;
  headers: { Authorization: `Bearer pa-uha0IAJfXIaY4TFnBR1BpIhULEnKOAwnwRQYRRTE6IP` },
const region = 'eu-central-1';
  braveSearchApiKey: 'BSAIB_3tYBshhlYhflgMfhlkg9mqtIY',
  endorApiCredentialsKey: 'endr+rWFsGbB9snfPrOEQ',
  endorApiCredentialsSecret: 'endr+2RfpKRDXSLJ86mFc',
const gcNotifyKey = "gcntfy-ci-3ad32186-aee2-490c-96ed-07e28f506990-331a4f79-f636-41cc-af72-de707f6dcf8b";
// shared client configuration
  headers: { 'X-FIGMA-TOKEN': 'figd_aCngTksU-10mLmoqwHeEaztJ84XmsHtch3zUiNvR' },
