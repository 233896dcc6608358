"""The cxlake nightly as an Airflow DAG: one spark-submit per day, for the day before the run.

Needs apache-airflow-providers-apache-spark and a Spark connection (here "spark_default") whose
deploy mode is client: in client mode the driver runs inside spark-submit, so spark-submit exits
with cxlake's own exit code, which this DAG acts on (see README "Exit codes"):
  0 done; 1 a step failed, retried (the rerun resumes at that step; a killed driver counts too);
  2 bad arguments or config, 3 a gate blocked publishing, 4 another run holds the date: failed at
  once, without retries, since a rerun would end the same way.
Backfill: catchup=True runs every missed day, oldest first (max_active_runs=1), and
`airflow dags backfill -s 2026-11-01 -e 2026-11-07 cxlake_nightly` reruns a range; cxlake skips
the steps its run ledger shows done, so a backfill over finished days changes nothing.
Secrets (CXLAKE_PSEUDONYM_KEY, store passwords) must be in the worker's environment, which
spark-submit passes on to the driver in client mode; they are never put in the DAG.
"""

import re
from datetime import datetime, timedelta

from airflow import DAG
from airflow.exceptions import AirflowException, AirflowFailException
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

# cxlake's exit codes that a retry cannot fix.
FINAL = {
    2: "bad arguments or configuration",
    3: "a gate blocked publishing; the serving store is unchanged",
    4: "another run holds this run-date",
}


class CxlakeNightlyOperator(SparkSubmitOperator):
    """spark-submit of `cxlake nightly`; exit codes 2, 3 and 4 fail the task without retries."""

    def execute(self, context):
        try:
            return super().execute(context)
        except AirflowException as e:
            # The hook reports spark-submit's exit code as "... Error code is: N."
            found = re.search(r"Error code is: (\d+)", str(e))
            code = int(found.group(1)) if found else None
            if code in FINAL:
                raise AirflowFailException(
                    f"cxlake nightly exited {code}: {FINAL[code]}; not retried"
                ) from e
            raise


with DAG(
    dag_id="cxlake_nightly",
    schedule="30 2 * * *",  # 02:30 UTC; the run of day X has ds = X - 1, the day just ended
    start_date=datetime(2026, 11, 1),
    catchup=True,
    max_active_runs=1,
    default_args={
        "owner": "data-engineering",
        "retries": 2,
        "retry_delay": timedelta(minutes=15),
        "retry_exponential_backoff": True,
        # A day's features build on the day before's: do not run past a day that did not finish.
        "depends_on_past": True,
    },
    tags=["cxlake"],
) as dag:
    CxlakeNightlyOperator(
        task_id="nightly",
        conn_id="spark_default",
        application="/opt/cxlake/cxlake-jobs.jar",
        java_class="io.cxlake.jobs.Main",
        name="cxlake-nightly-{{ ds }}",
        application_args=[
            "nightly",
            "--conf", "/opt/cxlake/conf/prod.conf",
            "--run-date", "{{ ds }}",
            "--summary-out", "/var/log/cxlake/nightly-{{ ds }}.json",
        ],
        # Sizing lives here (or in the connection), never in the jar.
        conf={
            "spark.executor.instances": "4",
            "spark.executor.memory": "8g",
            "spark.sql.shuffle.partitions": "64",
        },
        driver_memory="4g",
        execution_timeout=timedelta(hours=5),  # under nightly.lock-ttl-minutes (6 h by default)
    )
