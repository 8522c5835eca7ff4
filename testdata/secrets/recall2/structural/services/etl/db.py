from sqlalchemy import create_engine

engine_0 = create_engine("mongodb+srv://deploy:2hAja1a3AKaVAyf8ixI9RbRq@cluster2.hlauh.mongodb.net/orders?retryWrites=true&w=majority")
engine_1 = create_engine("rediss://default:KcDLem10Z1tsgvGJ4C@cache-1.eva0k6.use1.cache.amazonaws.com:6379/0")
engine_2 = create_engine("mysql://ci-bot:iDi9NNCxOsyoguSRTm0@mysql-0.internal:3306/shop")
engine_3 = create_engine("jdbc:oracle:thin:app/oir1RvvQam3MBm2Tf23r@//ora-3.internal:1521/ORCLPDB1")
