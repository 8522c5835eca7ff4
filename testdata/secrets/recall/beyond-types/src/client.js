'use strict';

module.exports.config = {};
  planetscaleDbUsername: 'ijkvhugg0781',
const planetscaleDbPassword = "pscale_pw_y3WduLbMiTiByF9SX0nXscHoJQqs-I35fiBHGJ6lBHU";
const region = 'eu-central-1';
  headers: { Authorization: `Bearer key_89acc56de6efad9cc5a5b229c63a321d070db41d5239c68f5dd2e68858116a87` },
  ibmcloudApiKey: 'Xh5nxNs9DeXs58LzSMMq0th2pDvsyGjNAlpOn39aG3Wt',
const region = 'eu-central-1';
const neonCredentials = "napi_dl927e8k1dx0yuuomhz252czx8roie2aa1ekcnwdzyddt7g8h4f9xxjbmxxvikr6";
// shared client configuration
const client = new Client('KEYB6F3392F392B2064F4C29B761CC9F406_n7FhYv1bymZf5HF49NckJd');
export const ELEVENLABS_API_KEY = `sk_60fdf378fa9d2123b822bd18960c8fa644a9ae332658de66`;
