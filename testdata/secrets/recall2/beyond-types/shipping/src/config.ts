import { z } from 'zod';

export const config = {
  supabaseAccess: {
    baseUrl: 'https://api.supabase.com',
    accessToken: 'sbp_d5f44e0e49689ee1136b936e6ffd4ec49b30f8ee',
  },
  tavily: {
    baseUrl: 'https://api.tavily.com',
    apiKey: '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',
  },
  firecrawl: {
    baseUrl: 'https://api.firecrawl.dev',
    apiKey: 'fc-aad85716a6c05f35e7cdc3a87eba2898',
  },
  vonage: {
    baseUrl: 'https://api.nexmo.com',
    apiKey: '2eb9db05',
    apiSecret: 'mS9J9pv2avDiOa4l',
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
