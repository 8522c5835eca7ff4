import { z } from 'zod';

export const config = {
  sparkpost: {
    baseUrl: 'https://api.sparkpost.com',
    apiKey: 'dbf58f2949ca1ba41c2a25e90c80180da59ca88a',
  },
  semgrep: {
    baseUrl: 'https://semgrep.dev',
    appToken: '812007bd248241532c492baa7ae245ddecf7e077ed021d9904ec93ead9ef3cd7',
  },
  infisical: {
    baseUrl: 'https://app.infisical.com',
    token: 'st.21a0dbec-a31a-4dc3-aee0-87293abcf5a5.b1d202304f7b2332bb3c8f8deebe8822.8916baa6093ca305d0f164b1ad3f7324',
  },
  portainer: {
    baseUrl: 'https://portainer.internal:9443',
    apiKey: 'ptr_mEmbFkp-qibhGzDRQNKToxsS9CtEDreKEynMwTVPo8U',
  },
  segment: {
    baseUrl: 'https://api.segment.io',
    writeKey: 'a3sSoOVsugiwtWO0swMtpXnxHvwJeafj',
  },
  spacelift: {
    baseUrl: 'https://acme.app.spacelift.io',
    apiKeyId: 'H9218UVEYUP0O0QEHW8FGSPTF1',
    apiKeySecret: 'c46833465325badb9142db1db34b7601a31e2f597cc84a95c8b185bab85d7248',
  },
} as const;

export const Port = z.coerce.number().default(3000);
