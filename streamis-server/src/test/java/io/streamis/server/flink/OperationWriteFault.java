package io.streamis.server.flink;

import io.streamis.jobmanager.operation.OperationMapper;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * A fault the Flink tests can arm: the next write that settles an operation as DONE fails, as a database that went
 * away between two statements would. Disarmed, the mapper is used as it is.
 */
public class OperationWriteFault implements BeanPostProcessor {

    private final AtomicBoolean armed = new AtomicBoolean();
    private final AtomicInteger thrown = new AtomicInteger();

    void armOnce() {
        armed.set(true);
    }

    int thrown() {
        return thrown.get();
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String name) {
        if (!(bean instanceof OperationMapper)) {
            return bean;
        }
        return Proxy.newProxyInstance(OperationMapper.class.getClassLoader(), new Class<?>[] {OperationMapper.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("settle") && "DONE".equals(args[1]) && armed.compareAndSet(true, false)) {
                        thrown.incrementAndGet();
                        throw new DataAccessResourceFailureException("injected: the database went away");
                    }
                    try {
                        return method.invoke(bean, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
