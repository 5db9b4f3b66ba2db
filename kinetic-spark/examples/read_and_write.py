"""The README's PySpark example: read Accounts into a DataFrame, then insert rows, exactly once.

Run by run-pyspark-example.sh with the shaded jar on spark.jars and the SF_* variables of a local org set.
"""
import os
import sys
import tempfile

from pyspark.sql import SparkSession

spark = (SparkSession.builder.master("local[2]")
         .config("spark.jars", sys.argv[1])
         .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
         .getOrCreate())

rows = spark.createDataFrame([("PySpark 1",), ("PySpark 2",)], ["Name"])
(rows.write.format("salesforce").option("object", "Account")
 .option("checkpointLocation", tempfile.mkdtemp()).mode("append").save())

accounts = spark.read.format("salesforce").option("object", "Account").option("columns", "Id, Name").load()
names = sorted(r.Name for r in accounts.filter(accounts.Name.startswith("PySpark")).collect())
assert names == ["PySpark 1", "PySpark 2"], names
print("pyspark example: read back", names)
spark.stop()
