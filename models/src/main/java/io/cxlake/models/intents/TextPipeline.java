package io.cxlake.models.intents;

import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.feature.IDF;
import org.apache.spark.ml.feature.NGram;
import org.apache.spark.ml.feature.RegexTokenizer;
import org.apache.spark.ml.feature.SQLTransformer;

/**
 * The text classifier as one Spark ML pipeline, from the raw {@code body} to a probability per
 * intent: normalise, words, word bigrams, character trigrams, hashed term frequencies, IDF, and a
 * multinomial logistic regression. Character trigrams are there because tickets have typos: a
 * swapped pair of letters changes one word entirely but only a few of its trigrams.
 */
public final class TextPipeline {
  /** Hash buckets: far more than the distinct terms of a shop's tickets, so collisions are rare. */
  static final int FEATURES = 1 << 16;

  /**
   * L2 regularisation. benchmarks/intents.md compares 0.1, 0.01 and 0.001: within 0.01 macro-F1.
   */
  static final double REG_PARAM = 0.01;

  private TextPipeline() {}

  /** Lower-cased letters and digits, words separated by one space; "" for a null body. */
  static final String NORMALISE =
      "SELECT *, trim(regexp_replace(lower(coalesce(body, '')), '[^\\\\p{L}\\\\p{N}]+', ' '))"
          + " AS text FROM __THIS__";

  /** Words padded with '_' so trigrams mark where words start and end. */
  static final String CHARS =
      "SELECT *, IF(text = '', array(), split(concat('_', replace(text, ' ', '_'), '_'), ''))"
          + " AS chars FROM __THIS__";

  static final String TERMS =
      "SELECT *, concat(words, word_bigrams, char_trigrams) AS terms FROM __THIS__";

  static final String WORD_TERMS = "SELECT *, concat(words, word_bigrams) AS terms FROM __THIS__";

  /** The unfitted pipeline; it reads {@code body} and, when fitting, {@code label}. */
  public static Pipeline create() {
    return create(REG_PARAM, true);
  }

  /** A variant for the benchmark: another regularisation, or words and bigrams only. */
  static Pipeline create(double regParam, boolean charTrigrams) {
    PipelineStage[] stages = {
      new SQLTransformer().setStatement(NORMALISE),
      new RegexTokenizer()
          .setInputCol("text")
          .setOutputCol("words")
          .setPattern(" ")
          .setMinTokenLength(1),
      new NGram().setN(2).setInputCol("words").setOutputCol("word_bigrams"),
      new SQLTransformer().setStatement(CHARS),
      new NGram().setN(3).setInputCol("chars").setOutputCol("char_trigrams"),
      new SQLTransformer().setStatement(charTrigrams ? TERMS : WORD_TERMS),
      new HashingTF().setInputCol("terms").setOutputCol("tf").setNumFeatures(FEATURES),
      new IDF().setInputCol("tf").setOutputCol("features"),
      new LogisticRegression()
          .setFamily("multinomial")
          .setRegParam(regParam)
          .setElasticNetParam(0)
          .setMaxIter(100)
          .setFeaturesCol("features")
          .setLabelCol("label")
    };
    return new Pipeline().setStages(stages);
  }
}
