import { z } from 'zod';

export const config = {
  supabaseAccess: {
    baseUrl: 'https://api.supabase.com',
    accessToken: 'sbp_e1136b936e6ffd4ec49b30f8eecdc630acf8ef5e',
  },
  tavily: {
    baseUrl: 'https://api.tavily.com',
    apiKey: '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',
  },
  firecrawl: {
    baseUrl: 'https://api.firecrawl.dev',
    apiKey: 'fc-6c05f35e7cdc3a87eba2898f73df297e',
  },
  vonage: {
    baseUrl: 'https://api.nexmo.com',
    apiKey: '2eb9db05',
    apiSecret: '9pv2avDiOa4ldxdi',
  },
  plivo: {
    baseUrl: 'https://api.plivo.com',
    authId: 'MA2HSPACCDBXGKZRXN4R',
    authToken: 'UER7lycbiuVJU9fggJDEhXnQ9yzBUFWBbfaSPz26',
  },
  wordpressApp: {
    baseUrl: 'https://blog.example.org',
    applicationPassword: 'F7XA 9rdF 0EmE YExb Ts1I OVhi',
  },
  postmark: {
    baseUrl: 'https://api.postmarkapp.com',
    serverToken: 'd09e00e6-4b1f-46f7-990a-4da496970da5',
  },
} as const;

export const Port = z.coerce.number().default(3000);
