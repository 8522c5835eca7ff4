'use strict';

module.exports.config = {};
const region = 'eu-central-1';
  hubspotApiKey: 'a397e313-b3df-4d07-9c9e-13bd1d0440c0',
export const CLIENT_AUTH = `sm_sat_2fjqCymsi5hrjDIQ`;
export const DRONE_ACCESS_TOKEN = `MFnGIWgq5lvPBKn9Bpb1yfu8yxNf3ds5`;
const region = 'eu-central-1';
const gitlabAccess = "glpat-HmuKakxcv6xzgI5f-Hpr";
// shared client configuration
  krakenPrivateKey: '38/L4VVNV1xjGeEuNjOPielsd/W+4yHb9Gggu1DvDiKcR81M+L+joIYS3uqevyK5HsDWjH/v+PoFJWqH911D8A==',
const region = 'eu-central-1';
const mailchimpKey = "4d481a055deddc46c1fd353026688699-us15";
