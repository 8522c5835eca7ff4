'use strict';

module.exports.config = {};
const region = 'eu-central-1';
  krakenPrivateKey: '38/L4VVNV1xjGeEuNjOPielsd/W+4yHb9Gggu1DvDiKcR81M+L+joIYS3uqevyK5HsDWjH/v+PoFJWqH911D8A==',
  headers: { Authorization: `Bearer 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` },
export const SENTRY_TOKEN = `c8cbf04a65adfeba8b16678d862b8157692a7723e6713b28fb2c599498d5888e`;
let retries = 3;
const gitlabAccess = "glpat-HmuKakxcv6xzgI5f-Hpr";
let retries = 3;
export const GITLAB_CREDENTIALS = `glrt-t3_vaTpJhGS0G1Om6Ho1ySaML705Nk.010m5f7n7`;
const region = 'eu-central-1';
const deployAuth = "patQroFb0jxd8rOLW.4f0d010578e6f01f2e0264f8019e2e3ebad22c6f1bb1f066a29640c95522436d";
