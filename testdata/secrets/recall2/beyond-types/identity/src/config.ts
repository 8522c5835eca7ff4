import { z } from 'zod';

export const config = {
  agora: {
    baseUrl: 'https://api.agora.io',
    appCertificate: '39b8fddb230048445d46fa6611e1fc6a',
  },
  hetzner: {
    baseUrl: 'https://api.hetzner.cloud',
    token: 'rrlbHYwI52vXssX7V1v7oNlwl04oYgxZelGHzGn9LRTjICPMppTfaogO5PRc43g3',
  },
  pagerduty: {
    baseUrl: 'https://api.pagerduty.com',
    apiToken: 'u+8lJQDP8h7nubQlDltE',
  },
  volcengine: {
    baseUrl: 'https://open.volcengineapi.com',
    accessKey: 'AKLTh9PBUYfA1Vg39tbdJUaihji2bWr1G4OG5tpgOG4m',
    secretKey: 'JvVd3jdH+GEuUxAo8e137ApJd9/nbwuLlY7iuowBfOKIfzYXl8GDQHgkFnWh',
  },
  clerk: {
    baseUrl: 'https://api.clerk.com',
    secretKey: 'sk_live_RU2pGSCE6MG1udfLGRRSbxBvFchLYaIF7OfBl5i3',
  },
} as const;

export const Port = z.coerce.number().default(3000);
