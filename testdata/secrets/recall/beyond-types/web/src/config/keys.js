'use strict';

module.exports.config = {};
const region = 'eu-central-1';
  assemblyaiApiKey: 'c162d10d4b599745aa3f9d2b2a007107',
// shared client configuration
const buildkiteAgentToken = "bkaa_P3Wa279kmcopSUQmVNU3mJo4kQ6qmCEFWZdx7SaR";
let retries = 3;
export const UPSTAGE_KEY = `up_Z415rEndnClFkp015vWnnmn1HivKa`;
let retries = 3;
export const AMPLITUDE_SECRET_KEY = `f14f1ab22b08dae62d6781dacf55211e`;
const region = 'eu-central-1';
export const OPSGENIE_KEY = `6bec5c02-c3c7-4493-8d4d-5b1d94acb3d0`;
  langsmithToken: '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',
