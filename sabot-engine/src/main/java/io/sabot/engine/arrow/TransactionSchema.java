package io.sabot.engine.arrow;

import java.util.List;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/** The Arrow schema of a transaction batch. Column order is fixed; the indexes are used by the hot loops. */
public final class TransactionSchema {

    public static final String TRANSACTION_ID = "transaction_id";
    public static final String ACCOUNT_ID = "account_id";
    public static final String AMOUNT_CENTS = "amount_cents";
    public static final String TIMESTAMP = "timestamp_ms";
    public static final String LATITUDE = "latitude";
    public static final String LONGITUDE = "longitude";
    public static final String MERCHANT_CATEGORY = "merchant_category";

    static final int TRANSACTION_ID_INDEX = 0;
    static final int ACCOUNT_ID_INDEX = 1;
    static final int AMOUNT_INDEX = 2;
    static final int TIMESTAMP_INDEX = 3;
    static final int LATITUDE_INDEX = 4;
    static final int LONGITUDE_INDEX = 5;
    static final int MERCHANT_INDEX = 6;

    public static final Schema SCHEMA = new Schema(List.of(
            field(TRANSACTION_ID, new ArrowType.Int(64, true)),
            field(ACCOUNT_ID, new ArrowType.Int(64, true)),
            field(AMOUNT_CENTS, new ArrowType.Int(64, true)),
            field(TIMESTAMP, new ArrowType.Int(64, true)),
            field(LATITUDE, new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
            field(LONGITUDE, new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
            field(MERCHANT_CATEGORY, new ArrowType.Int(32, true))));

    private TransactionSchema() {
    }

    private static Field field(String name, ArrowType type) {
        return new Field(name, FieldType.notNullable(type), null);
    }
}
