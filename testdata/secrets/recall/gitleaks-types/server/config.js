'use strict';

module.exports.config = {};
// shared client configuration
export const SENTRY_TOKEN = `c8cbf04a65adfeba8b16678d862b8157692a7723e6713b28fb2c599498d5888e`;
  headers: { Authorization: `Bearer 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` },
const client = new Client('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');
const region = 'eu-central-1';
const client = new Client('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');
  headers: { Authorization: `Bearer pul-b928eaf694a7c96df2efea5819911a344928a1e6` },
const client = new Client('glimt-1fwzamrhi4a4se4tfpdzidi4r');
