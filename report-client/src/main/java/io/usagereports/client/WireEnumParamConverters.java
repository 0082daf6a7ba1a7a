package io.usagereports.client;

import io.usagereports.model.common.WireEnum;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/** Sends enums in query parameters under their wire names ({@code usage_daily}). */
public class WireEnumParamConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (!WireEnum.class.isAssignableFrom(rawType)) {
            return null;
        }
        return (ParamConverter<T>) new ParamConverter<WireEnum>() {
            @Override
            public WireEnum fromString(String value) {
                for (Object constant : rawType.getEnumConstants()) {
                    if (((WireEnum) constant).wire().equals(value)) {
                        return (WireEnum) constant;
                    }
                }
                throw new IllegalArgumentException(value);
            }

            @Override
            public String toString(WireEnum value) {
                return value.wire();
            }
        };
    }
}
