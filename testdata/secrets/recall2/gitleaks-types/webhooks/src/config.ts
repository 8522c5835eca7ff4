import { z } from 'zod';

export const config = {
  awsAccess: {
    baseUrl: 'https://sts.amazonaws.com',
    accessKeyId: 'AKIAU5GWHDJDGIA44OJ2',
    secretAccessKey: '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',
  },
  slackApp: {
    baseUrl: 'https://slack.com',
    appToken: 'xapp-1-A1KXPGOIHM1-6665369236566-d150c5e4f09b5452b7633a1a02de558598c3b1cbc9a3a90cf01ebf892701cf9f',
  },
  terraformCloud: {
    baseUrl: 'https://app.terraform.io',
    token: 'z25b7VZBBrvYN6.atlasv1.FSUWFO4oee8shVqawVQk8ILC030LoeiR5vyhnFmIQj21WbTqstmkIC5gdZKexaaYyPG',
  },
  planetscaleToken: {
    baseUrl: 'https://api.planetscale.com',
    serviceToken: 'pscale_tkn_orTnIiQy-UvbqbDV8OGqQv_ZpMlPLFhffkdOuOvb3dO',
  },
  clojars: {
    baseUrl: 'https://clojars.org',
    deployToken: 'CLOJARS_98b70796fd77a2e6e28dc162e0ed17b6c9f00c54d94964e9632a1612ef6e',
  },
  frameio: {
    baseUrl: 'https://api.frame.io',
    token: 'fio-u-0YUMEYUlAlVZPZUPVON5wAej6zahFC9Z9654l1Vmgva_J0cZ18O5U7JrlSCSLlCJ',
  },
  sonarqube: {
    baseUrl: 'https://sonarqube.internal',
    token: 'squ_ec90a84f84324a2726af87b4152733cdbb75ca54',
  },
} as const;

export const Port = z.coerce.number().default(3000);
