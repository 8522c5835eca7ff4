provider "aws" {
  region = "us-east-1"
}

locals {
  region = "eu-west-1"
  aws_access_key_id = "ASIAGJMZ7UCZ7O2YPKAX"
  aws_secret_access_key = "/G/hB7onL3QIZZ0youdH9WeItLuaJR6DvV0bT7sM"
  aws_session_token = "IQoJb3JpZ2luX2VjZLHRxaili71NX5XT0/lMFemNHEhcavD/bXX++YzZeaPO4+00mzJ9m8532KC6hpi66G3KUBFKpv6jjVOw0Nbfhbsuw894y2iUhd6T2GqM3QosrCuGpZjq5JWPERpdN8ya4d+if9CLbQ4RvK0qawnw8AEIt3AQY+HvecKgcK5VsStY6DslEU3KqSIojUvsoHzsj4PQW5ZKUbDBEYvTy0JLKKQVrbV8y2ABGBtI3ClywwGNKg7QSjTf2n6G2/9wIuwvCfTD9LFFqE60XBffyEB7GgOwfwYQLpqKbKZRtIXvDeLkT+0XlBf6iN1WH/KfYBCBHmarQGD8AmGduOP2Iryz1Pl5bDo6YNJAm/3triHwiSlqga5KLliyc1AzsnU0l9PUrZ9cgmuK5g6g3UCRaVVD+JmmR+3bDbTXQYYtWA566pXPmis+WMGTYqXD87FVdcnsRkjuR1UtpqTchc/caL82e1OAB5oF4fsO2RbqZf3NtDiLd92+vVPMILseuzA1W8EACuvxNTZCG8p5he0g4hSLiKG4ZyLvjZvF/3bON8whuvkr/R1nKLPU464rqM4W6Ay+21j+8nuyvB/ZpT2ELvgtNtzMT8ioUucuU6yzz+FNpxDxbexCkkKqi2Ac7FHtoHC05opfTM0gW9rRmhbKCpIt6zMcxBF9JTVqJqr7kEWqtirknQ2oGXlChjL1xDiXfZkXnFUy+lknShq9yoms7VF8SNKSut7oRk/MlRiM=="
  ec_api_key = "essu_MVZjdmp2cmdpSkxaNmt6OEhORHg6V200dFZzbFlnNFdYdXpOY3k5YzRQWtR9c8Twx1ii4G2gkq3XpAs/UdhiXbOZVHvGfAcItg=="
  configcat_sdk_key = "GV0S5d4ow-segMgQFzZhtd/04zb0JSQ089uClttV9iutb"
  # managed by platform team
  rootly_key = "rootly_bd2b125ede64b7d32cb49692630efbbe974c565b2e516d420ab9894461a23d35"
  environment = "production"
  runpod_api_key = "rpa_2FL38CM7P6FV3C1JGYICS3AFK85NEVXS4DUMW9G0VANH4DIS"
  asaas_access_token = "$aact_prod_000Y2MzYzM4ODMwODk2ZGYzNDQ0YTZjZTVlMjA5NThlYzE6OjcwNjQxYjhlLTEzYzUtNDFjZi04ODdiLTQ0ZmZlMWEzYjcwZTo6JGFhY2hfOTEzZDkwYTEtZGMwMi00NjExLTgzOWEtMDAxZGY3NmI2NmU4"
  environment = "production"
  greptile_api_key = "vOlgzD5QNfHu+IL6RB6tzILNaLB2K56VGWaO1LWiwThzA1WZ"
  region = "eu-west-1"
  proof_full_access_key = "UqB1m7IVzGU5iMSqAGHZio7lCPqkwb2F"
  instance_count = 3
  browserstack_user = "ciuser_Ga5o1RSC"
  browserstack_key = "QOnhAnTs8Fk2YydlLWp9"
}
