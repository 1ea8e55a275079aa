package io.streamis.server.web;

import com.fasterxml.jackson.datatype.jsr310.ser.LocalDateTimeSerializer;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Dates go out as {@code yyyy-MM-dd HH:mm:ss}, the format 0.3.x clients parse. */
@Configuration
class JsonConfig {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer streamisDates() {
        return b -> b.serializerByType(LocalDateTime.class,
                new LocalDateTimeSerializer(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")));
    }
}
