package io.streamis.server;

import org.apache.ibatis.annotations.Mapper;
import org.mybatis.spring.annotation.MapperScan;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The Streamis server: assembles the modules; it holds no business logic of its own. */
@SpringBootApplication(scanBasePackages = "io.streamis")
@ConfigurationPropertiesScan("io.streamis")
@EnableScheduling
@MapperScan(basePackages = "io.streamis", annotationClass = Mapper.class)
public class StreamisServerApplication {

    public static void main(String[] args) {
        SpringApplication.run(StreamisServerApplication.class, args);
    }
}
