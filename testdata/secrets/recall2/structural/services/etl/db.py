from sqlalchemy import create_engine

engine_0 = create_engine("mongodb+srv://grafana:y8x08ilSOfx5H4aCnZJGoN@cluster2.5z3pk.mongodb.net/orders?retryWrites=true&w=majority")
engine_1 = create_engine("rediss://default:7F5ZojmdwTapmfl80iO0@cache-1.6c66dv.use1.cache.amazonaws.com:6379/0")
engine_2 = create_engine("mysql://backup:htlumILi2HQSyTuAJirOZ@mysql-0.internal:3306/shop")
engine_3 = create_engine("jdbc:oracle:thin:admin/bIkUWUr2Z9bOKvfm9y3vB5@//ora-3.internal:1521/ORCLPDB1")
