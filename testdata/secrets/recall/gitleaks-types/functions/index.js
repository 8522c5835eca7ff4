'use strict';

module.exports.config = {};
export const GRAFANA_CREDENTIALS = `glc_eyJvIjoiMzUzOTM5IiwibiI6InN0YWNrLTI3MjUzOS1obS1yZWFkIiwiayI6Im5aSFZFM1RYUGtkU2ZCcmNxaE9xUHhiUiIsIm0iOnsiciI6InByb2QtdXMtZWFzdC0wIn19`;
const deployAuth = "patQroFb0jxd8rOLW.4f0d010578e6f01f2e0264f8019e2e3ebad22c6f1bb1f066a29640c95522436d";
let retries = 3;
  finicityToken: '8ee64964cb2d88cbba026406573dde5a',
const finicitySecret = "9BKDNektp90MIEEoO69e";
let retries = 3;
export const AUTH = `sha256~1BiJvrIF0swinfuS_oR4SFfGod-uxsxqVUS7JJ0XNZn`;
const region = 'eu-central-1';
const clientSecret = 'gXbhuhwGwHhvp1Rpw8SFNJAUTUjVUSyC';
let retries = 3;
const freshbooksToken = "3hjrgoypik4ssruafgkgu8ivykzgc6jtuf5tmvqass6n32ocud1dxqnd08nrsrwk";
