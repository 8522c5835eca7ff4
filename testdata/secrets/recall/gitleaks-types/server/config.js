'use strict';

module.exports.config = {};
  headers: { Authorization: `Bearer gldt-pq8b9Ki9NkFhZrgr8JDe` },
const region = 'eu-central-1';
  aliyunAk: 'LTAI5t0p70hQnvCkdnHRRNOp',
const alibabaSecret = "4oUqpwXJ8vOXrMU01hpjqfLpgEkYrF";
const client = new Client('duffel_test_NOMUTyKROr_iO8WgTIV3pGEr4Yfd3aHB08UR5EEfuNP');
let retries = 3;
export const FLW_ENC = `FLWSECK_TESTd92332f2c353`;
const TIMEOUT_MS = 10_000;
export const SQUARESPACE_TOKEN = `de80fe51-8e60-4fc0-a7bb-1f2f496b723a`;
const datadogAccessToken = "1ppe9e6j3a0r7fwv9oyvdfpfr2naftmh7bh377ia";
