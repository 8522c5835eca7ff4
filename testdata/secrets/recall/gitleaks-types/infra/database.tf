resource "azurerm_mssql_server" "primary" {
  name                = "sql-prod-weu"
  version             = "12.0"
  administrator_login = "sqladmin"
  password            = "IU1k3De0feQZ4HvCgmyC"
  administrator_login_password = "lqdSCGz6jjLXEz61Watu"
}
