package dev.kinetic.spark.write;

/**
 * Which task attempt holds a partition: Spark's stage attempt, then the task's attempt number. Later attempts
 * (retries, speculative copies, a re-run stage) compare greater.
 *
 * @param stageAttempt the stage attempt number
 * @param attempt the task attempt number within it
 */
record AttemptToken(int stageAttempt, int attempt) {
    boolean isAfter(AttemptToken other) {
        return stageAttempt != other.stageAttempt ? stageAttempt > other.stageAttempt : attempt > other.attempt;
    }

    static AttemptToken parse(String text) {
        String[] p = text.strip().split("\\.");
        return new AttemptToken(Integer.parseInt(p[0]), Integer.parseInt(p[1]));
    }

    @Override
    public String toString() {
        return stageAttempt + "." + attempt;
    }
}
