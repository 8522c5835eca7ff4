resource "azurerm_storage_account" "logs" {
  name = "acmelogs"
}

provider "azurerm" {
  features {}
}

locals {
  storage_account_key = "t47UCwVWSTUF/Is6kT3gMQ7pCnHVCWwlPkzbKu2Ozir9ZEYwMpNBewxeKaWVL6iU7Y6zaW7Kml/7Rzn8qLXcsg=="
}

variable "backup_storage_access_key" {
  default = "ylGLjDY9j4dMtUEulKOzBsxEqfLHW+/1YJ0l4AhQ30niodZAy0ST9qlN+CuK1oKfb506KfYe4sknAcmQjPI+1A=="
}
