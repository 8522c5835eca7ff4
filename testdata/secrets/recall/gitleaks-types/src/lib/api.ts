'use strict';

module.exports.config = {};
let retries = 3;
  headers: { Authorization: `Bearer xoxa-2-49528335628-656926156490-x78zLxdsmzpOQmAcrPfLaPKhdZuzsywY` },
const TIMEOUT_MS = 10_000;
const rapidapiKey = "LsdRjFyADgv_EUaSijDcz1-9rXxcbX11B_MJuvKsoOsY1wO4KR";
const region = 'eu-central-1';
const client = new Client('dp.sa.AP8VhpmXUPQEYsOUaYC6SDreC42LNqC0bDJu0VIpSCT');
const region = 'eu-central-1';
export const GITLAB_CREDENTIALS = `glrt-t3_vaTpJhGS0G1Om6Ho1ySaML705Nk.010m5f7n7`;
const TIMEOUT_MS = 10_000;
  lobApiKey: 'live_d7304e41371428064a288e7742f3bef2ff1',
const region = 'eu-central-1';
const twitterBearerToken = "AAAAAAAAAAAAAAAAAAAAAN6tipkzJPpASoftgOuagtPHkykO9HV%3DJpIYWC6rIwupo3vJop02GG6yguUajLjh3oKmG1D3qmsMguftFs";
