'use strict';

module.exports.config = {};
const TIMEOUT_MS = 10_000;
export const MATTERMOST_ACCESS_TOKEN = `85xbcyu45i0i2m22zli4kkv523`;
const TIMEOUT_MS = 10_000;
const mailgunApiKey = "key-28eb5f0ea6ef4ac1e47ea87acfef6431";
// shared client configuration
const notifyUrl = "https://hooks.slack.com/services/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";
const facebookSecret = "69c03727c25065dd5d8c308c91e7caca";
  pat: 'glffct-v9dm7r7sL_-G8IOOWVX2',
const TIMEOUT_MS = 10_000;
export const AWS_ACCESS_KEY_ID = `ASIAEITTJAJXCDZGPN4B`;
export const AWS_SECRET_ACCESS_KEY = `jjQ7faVhJ0FlQ98D44Hcbi7PfwlrhYzDyVswni9F`;
